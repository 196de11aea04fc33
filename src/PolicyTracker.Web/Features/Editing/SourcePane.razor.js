// The review page's source pane: clicks on highlighted facts, text selection as character
// offsets into the report (every segment carries its start in data-s), and scrolling.
let current = null;

export function attach(pane, dotnet) {
  detach();
  const onClick = e => {
    const mark = e.target.closest('[data-k]');
    if (mark && pane.contains(mark) && !hasSelection()) {
      dotnet.invokeMethodAsync('SourceClicked', mark.dataset.k);
    }
  };
  const onMouseUp = () => {
    const range = selectionIn(pane);
    dotnet.invokeMethodAsync('SelectionChanged', range ? range[0] : -1, range ? range[1] : -1);
  };
  pane.addEventListener('click', onClick);
  pane.addEventListener('mouseup', onMouseUp);
  pane.addEventListener('keyup', onMouseUp);
  current = { pane, onClick, onMouseUp };
}

export function detach() {
  if (!current) return;
  current.pane.removeEventListener('click', current.onClick);
  current.pane.removeEventListener('mouseup', current.onMouseUp);
  current.pane.removeEventListener('keyup', current.onMouseUp);
  current = null;
}

export function scrollTo(id) {
  const el = document.getElementById(id);
  if (el) el.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

// Selects [start, end) of the report text in the page, as if the person had dragged over it.
export function select(pane, start, end) {
  const a = locate(pane, start), b = locate(pane, end);
  if (!a || !b) return;
  const range = document.createRange();
  range.setStart(a[0], a[1]);
  range.setEnd(b[0], b[1]);
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  pane.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
}

function hasSelection() {
  const sel = window.getSelection();
  return sel && !sel.isCollapsed;
}

function selectionIn(pane) {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const r = sel.getRangeAt(0);
  if (!pane.contains(r.startContainer) || !pane.contains(r.endContainer)) return null;
  const start = offset(r.startContainer, r.startOffset);
  const end = offset(r.endContainer, r.endOffset);
  if (start === null || end === null || end <= start) return null;
  return [start, end];
}

function offset(node, within) {
  if (node.nodeType !== Node.TEXT_NODE) {
    // A boundary between elements: use the start of the child it points at.
    const child = node.childNodes[within];
    if (child) return segmentStart(child) ?? null;
    const seg = node.closest ? node.closest('[data-s]') : null;
    return seg ? Number(seg.dataset.s) + seg.textContent.length : null;
  }
  const seg = node.parentElement.closest('[data-s]');
  return seg ? Number(seg.dataset.s) + within : null;
}

function segmentStart(el) {
  if (el.dataset && el.dataset.s !== undefined) return Number(el.dataset.s);
  const inner = el.querySelector ? el.querySelector('[data-s]') : null;
  return inner ? Number(inner.dataset.s) : null;
}

function locate(pane, pos) {
  const segs = pane.querySelectorAll('[data-s]');
  for (const seg of segs) {
    const s = Number(seg.dataset.s), len = seg.textContent.length;
    if (pos >= s && pos <= s + len && seg.firstChild) return [seg.firstChild, pos - s];
  }
  return null;
}
