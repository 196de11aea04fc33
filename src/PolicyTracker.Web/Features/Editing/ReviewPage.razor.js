// The review page's unsaved changes, kept in localStorage until the server confirms a save
// (ReviewDraftCopy). The server writes the copy after every change; server-to-browser messages
// have no size cap. It reads a copy back in base64 chunks, because one message from the browser
// may not exceed 32 KB and a copy of many changes can.
const prefix = 'policytracker:review-draft:';
const reading = new Map();

export function keep(reportId, json) {
  try {
    if (json) localStorage.setItem(prefix + reportId, JSON.stringify({ savedAt: new Date().toISOString(), copy: json }));
    else localStorage.removeItem(prefix + reportId);
    return true;
  } catch {
    // Storage full or disabled: the page says so.
    return false;
  }
}

export function forget(reportId) {
  try {
    localStorage.removeItem(prefix + reportId);
  } catch {
    // Nothing stored.
  }
}

// Freezes the stored copy as UTF-8 bytes; returns { savedAt, length } or null when there is none.
export function beginRead(reportId) {
  let stored = null;
  try {
    stored = JSON.parse(localStorage.getItem(prefix + reportId) || 'null');
  } catch {
    stored = null;
  }
  if (!stored || typeof stored.copy !== 'string') return null;
  const bytes = new TextEncoder().encode(stored.copy);
  reading.set(reportId, bytes);
  return { savedAt: String(stored.savedAt ?? ''), length: bytes.length };
}

export function readChunk(reportId, offset, count) {
  const bytes = reading.get(reportId) ?? new Uint8Array(0);
  const part = bytes.subarray(offset, Math.min(bytes.length, offset + count));
  let binary = '';
  for (let i = 0; i < part.length; i += 8192) binary += String.fromCharCode.apply(null, part.subarray(i, i + 8192));
  return btoa(binary);
}

export function endRead(reportId) {
  reading.delete(reportId);
}
