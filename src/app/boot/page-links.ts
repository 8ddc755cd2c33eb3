/**
 * The page's icons and manifest link: the built HTML holds them inert, in
 * `<template id="page-links">` (vite.config.ts, pageLinksLater), because Chromium fetches them
 * and decodes the icons on the page's main thread as soon as the page has loaded, which on a
 * relaunch fell between the launch script's database open and its read. Added to <head> once
 * the first screen is up. In development they are in the HTML as written: nothing to do.
 */
export function addPageLinks(doc: Document = document): void {
  const template = doc.getElementById('page-links')
  if (!(template instanceof HTMLTemplateElement)) return
  template.remove()
  doc.head.append(template.content)
}
