// "/" focuses the global search unless the person is typing somewhere already (UX.md: fast to the hand).
document.addEventListener('keydown', e => {
  if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
  const t = e.target;
  if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName))) return;
  const box = document.getElementById('global-search');
  if (box) { e.preventDefault(); box.focus(); }
});
