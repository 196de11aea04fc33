// "/" focuses the global search unless the person is typing somewhere already (UX.md: fast to the hand).
document.addEventListener('keydown', e => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
  const box = document.getElementById('global-search');
  if (box) { e.preventDefault(); box.focus(); }
});

// The dark-mode toggle's choice, remembered for a year; the server reads it when it renders the next page.
window.policyTracker = Object.assign(window.policyTracker || {}, {
  rememberTheme(name, value) {
    document.cookie = `${name}=${value}; path=/; max-age=31536000; samesite=lax`;
  },
});
