// Builds DOM nodes. Children that are strings become text nodes: whatever people type is
// always shown as text and never read as HTML.

export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value == null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'value') {
      element.value = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat(Infinity)) {
    if (child != null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

/** Replaces the children of root, keeping keyboard focus on the control with the same data-key. */
export function replace(root, ...children) {
  const focused = document.activeElement?.dataset?.key;
  root.replaceChildren(...children.flat().filter((c) => c != null && c !== false));
  if (focused) {
    root.querySelector(`[data-key="${CSS.escape(focused)}"]`)?.focus();
  }
}

export function clock(ms) {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return `${minutes}:${seconds}`;
}
