// Brings the span a "source" link points at into the middle of the screen.
export function scrollToSpan(id) {
  const el = document.getElementById(id);
  if (el) el.scrollIntoView({ block: 'center', behavior: 'instant' });
}
