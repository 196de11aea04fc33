// "/" focuses the global search unless the person is typing somewhere already (UX.md: fast to the hand).
document.addEventListener('keydown', e => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
  const box = document.getElementById('global-search');
  if (box) { e.preventDefault(); box.focus(); }
});

// A button with data-print prints the page (an inline onclick would be refused by the CSP, which allows no inline script).
document.addEventListener('click', e => {
  if (e.target instanceof Element && e.target.closest('[data-print]')) window.print();
});

// The dark-mode toggle's choice, remembered for a year; the server reads it when it renders the next page.
window.policyTracker = Object.assign(window.policyTracker || {}, {
  rememberTheme(name, value) {
    document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
  },
});

// Fields with data-paste-cap take at most that many characters from one paste, drop or keystroke.
// Anything longer is refused whole with a note, never cut silently the way maxlength does; up to
// the cap the value arrives whole and the field's counter and message say what to shorten.
document.addEventListener('beforeinput', e => {
  const t = e.target;
  const cap = Number(t?.dataset?.pasteCap);
  if (!cap || !('value' in t) || !e.inputType.startsWith('insert')) return;
  const added = e.data ?? e.dataTransfer?.getData('text/plain') ?? '';
  const start = t.selectionStart ?? t.value.length;
  const end = t.selectionEnd ?? start;
  const length = t.value.length - (end - start) + added.length;
  if (length <= cap) return;
  e.preventDefault();
  const note = document.getElementById('paste-refused');
  if (!note) return;
  const label = t.closest('.mud-input-control')?.querySelector('label')?.textContent?.trim() || 'This field';
  const limit = Number(t.dataset.limit) || cap;
  note.textContent = `Not pasted: "${label}" would be ${length.toLocaleString('en')} characters, and it holds at most ${limit.toLocaleString('en')}. `
    + 'The field is unchanged; shorten the text first.';
  note.hidden = false;
  clearTimeout(note._hide);
  note._hide = setTimeout(() => { note.hidden = true; }, 8000);
}, true);
