// Accessibility audit of the page as shown: every visible control has an accessible name, and every visible text has
// a contrast of at least 4.5:1 with its background (3:1 for large text: 24px, or 18.66px bold). Returns the problems.
(function () {
  const problems = [];
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && !el.closest('[hidden], dialog:not([open])');
  };
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.name ? '[name=' + el.name + ']' : '')
    + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
  const nameOf = (el) => {
    if (el.getAttribute('aria-label')) { return el.getAttribute('aria-label'); }
    const by = el.getAttribute('aria-labelledby');
    if (by) { return by.split(/\s+/).map((id) => (document.getElementById(id) || {}).textContent || '').join(' ').trim(); }
    if (el.labels && el.labels.length) { return Array.from(el.labels).map((l) => l.textContent).join(' ').trim(); }
    if (['BUTTON', 'A', 'SUMMARY'].includes(el.tagName)) {
      const text = (el.textContent || '').trim() || Array.from(el.querySelectorAll('img[alt]')).map((i) => i.alt).join(' ');
      if (text) { return text; }
    }
    if (el.tagName === 'INPUT' && ['submit', 'button'].includes(el.type) && el.value) { return el.value; }
    return (el.getAttribute('title') || '').trim();
  };
  document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href], summary').forEach((el) => {
    if (visible(el) && !nameOf(el)) { problems.push('no accessible name: ' + describe(el)); }
  });

  const parse = (c) => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) { return null; } const p = m[1].split(',').map((x) => parseFloat(x)); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
  const lum = (c) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
  const blend = (top, bottom) => ({ r: top.r * top.a + bottom.r * (1 - top.a), g: top.g * top.a + bottom.g * (1 - top.a), b: top.b * top.a + bottom.b * (1 - top.a), a: 1 });
  const background = (el) => {
    const layers = [];
    for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) { break; } }
      if (getComputedStyle(node).backgroundImage !== 'none') { return null; } // a gradient or image: not judged here
    }
    let result = { r: 255, g: 255, b: 255, a: 1 };
    for (let i = layers.length - 1; i >= 0; i--) { result = blend(layers[i], result); }
    return result;
  };
  const seen = new Set();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || seen.has(el) || !visible(el) || el.closest('script, style, option')) { continue; }
    seen.add(el);
    const s = getComputedStyle(el);
    const fg = parse(s.color); const bg = background(el);
    if (!fg || !bg) { continue; }
    const color = blend({ ...fg, a: fg.a * parseFloat(s.opacity || '1') }, bg);
    const l1 = lum(color); const l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(s.fontSize); const bold = parseInt(s.fontWeight, 10) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) {
      problems.push('contrast ' + ratio.toFixed(2) + ' < ' + needed + ': ' + describe(el) + ' "' + node.textContent.trim().slice(0, 40) + '" ' + s.color + ' on rgb(' + [bg.r, bg.g, bg.b].map(Math.round).join(',') + ')');
    }
  }
  return problems;
})();
