// The report text lives in the browser: the server reads it in base64 chunks when it needs it, because
// a bound value would travel in one SignalR message and break the 32 KB incoming cap. (Blazor's own
// IJSStreamReference sends chunks of the cap minus 512 bytes, which the cap then refuses.) A copy of the whole
// form stays in localStorage until the server confirms the save, so a dropped or lost connection, a
// reload or a closed tab loses nothing.
const draftKey = 'policytracker:new-report-draft';
const fields = ['headline', 'outlet', 'published', 'source-url'];
const maxFieldLength = 2000;

function box(form) {
  return form.querySelector('textarea[data-testid=report-text]');
}

function field(form, name) {
  return form.querySelector(`input[data-testid=${name}]`);
}

function readDraft() {
  try {
    const raw = localStorage.getItem(draftKey);
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function writeDraft(form) {
  // After the server confirmed the save, or once the page has left, the copy must not come back.
  if (!form.isConnected || form.dataset.saved) return true;
  const draft = { text: box(form).value, savedAt: new Date().toISOString() };
  for (const name of fields) draft[name] = field(form, name)?.value ?? '';
  try {
    if (!draft.text && fields.every(n => !draft[n])) localStorage.removeItem(draftKey);
    else localStorage.setItem(draftKey, JSON.stringify(draft));
    return true;
  } catch {
    // Quota exceeded or storage disabled: the text is still on screen, say so once.
    return false;
  }
}

function say(form, message) {
  const note = form.querySelector('[data-testid=connection-note]');
  if (!note) return;
  note.textContent = message;
  note.hidden = !message;
}

// Restores a draft into an empty box and tells .NET which field values it had (each cut to a size
// that fits one message). Returns null when there was nothing to restore.
export function attach(form, dotnet) {
  const text = box(form);
  let timer = 0;
  const save = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!writeDraft(form)) say(form, 'This browser could not keep a copy of the draft: save it before closing the page.');
    }, 300);
  };
  form.addEventListener('input', save);
  text.addEventListener('change', () => dotnet.invokeMethodAsync('TextEditedAsync'));
  form.addEventListener('keydown', e => {
    if (!e.ctrlKey || e.key !== 'Enter') return;
    e.preventDefault();
    // Leaving a field first sends its value (MudBlazor fields send on change).
    if (e.target instanceof HTMLInputElement) e.target.blur();
    dotnet.invokeMethodAsync('SubmitFromKeyboardAsync');
  });
  window.addEventListener('pagehide', () => writeDraft(form));

  const modal = document.getElementById('components-reconnect-modal');
  let dropped = false;
  modal?.addEventListener('components-reconnect-state-changed', e => {
    const state = e.detail.state;
    if (state === 'show' || state === 'retrying' || state === 'failed') {
      dropped = true;
      writeDraft(form);
      say(form, 'The connection to the server was lost. Your text is kept in this browser; nothing is saved until the connection is back.');
    } else if (state === 'hide' && dropped) {
      dropped = false;
      say(form, 'The connection is back. Your text is still here: save when you are ready.');
    }
  });

  form.dataset.ready = 'true';
  const draft = readDraft();
  if (!draft || text.value) return null;
  text.value = draft.text ?? '';
  const restored = { savedAt: draft.savedAt ?? '', textLength: text.value.length };
  for (const name of fields) restored[name] = String(draft[name] ?? '').slice(0, maxFieldLength);
  return restored;
}

const reading = new WeakMap();

// Freezes the box's text as UTF-8 bytes for readChunk and returns their count.
export function beginRead(form) {
  const bytes = new TextEncoder().encode(box(form).value);
  reading.set(form, bytes);
  return bytes.length;
}

// Base64 has no characters that JSON escapes, so a chunk's message size is known in advance.
export function readChunk(form, offset, count) {
  const bytes = reading.get(form) ?? new Uint8Array(0);
  const part = bytes.subarray(offset, Math.min(bytes.length, offset + count));
  let binary = '';
  for (let i = 0; i < part.length; i += 8192) binary += String.fromCharCode.apply(null, part.subarray(i, i + 8192));
  return btoa(binary);
}

export function endRead(form) {
  reading.delete(form);
}

export function setText(form, value) {
  box(form).value = value;
  writeDraft(form);
}

export function clearDraft(form) {
  try {
    localStorage.removeItem(draftKey);
  } catch {
    // Nothing stored.
  }
  if (form) {
    form.dataset.saved = 'true';
    say(form, '');
  }
}

export function discard(form) {
  box(form).value = '';
  try {
    localStorage.removeItem(draftKey);
  } catch {
    // Nothing stored.
  }
  say(form, '');
}
