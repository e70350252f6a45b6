// One element with its classes and text, for the few places that draw without React (the first
// rows of a trace link before the app has loaded, and the start-up failure message).

export function htmlElement<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  if (className !== '') element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}
