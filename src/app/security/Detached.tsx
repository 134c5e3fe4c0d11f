/**
 * Keeps a subtree alive (its state, what is being typed) while taking it out of the document:
 * locked, nothing of the workspace is on screen or in the DOM, and after the unlock every form
 * is as it was. React renders into an element of its own through a portal; the element is
 * attached under the host only while `detached` is false.
 */
import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';

export function Detachable({ detached, children }: { detached: boolean; children: ReactNode }) {
  const host = useRef<HTMLDivElement>(null);
  const [content] = useState(() => {
    const element = document.createElement('div');
    element.className = 'workspace';
    return element;
  });
  useLayoutEffect(() => {
    const parent = host.current;
    if (!parent || detached) return;
    parent.appendChild(content);
    return () => content.remove();
  }, [detached, content]);
  return (
    <>
      <div ref={host} className="workspace-host" />
      {createPortal(children, content)}
    </>
  );
}
