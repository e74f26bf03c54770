// The only script outside the wasm: things that must work before (and
// without) it. Loaded in <head> so the chosen theme applies before the
// first paint. No third-party code, no network.
(function () {
  'use strict';
  var root = document.documentElement;
  root.classList.add('js');
  var KEY = 'theme';
  function stored() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function systemDark() {
    return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  }
  function current() {
    var t = root.getAttribute('data-theme');
    return t === 'dark' || t === 'light' ? t : (systemDark() ? 'dark' : 'light');
  }
  // One toggle button (the WAI-ARIA pattern): its name stays "Dark theme"
  // and aria-pressed says whether it is on, so what a screen reader says
  // and what the button shows are the same words.
  function label() {
    var buttons = document.querySelectorAll('[data-theme-toggle]');
    var pressed = current() === 'dark' ? 'true' : 'false';
    // Only write what changed: every write is a mutation the observer
    // below would see, and an unconditional write would loop forever.
    for (var i = 0; i < buttons.length; i += 1) {
      if (buttons[i].getAttribute('aria-pressed') !== pressed) buttons[i].setAttribute('aria-pressed', pressed);
    }
  }
  // Charts drawn on a canvas take the theme's text colour, so a demo
  // redraws on this event (src/demos/redraw_epoch.rs, THEME_EVENT).
  function themeChanged() {
    label();
    window.dispatchEvent(new Event('site:theme'));
  }
  if (window.matchMedia) {
    var scheme = window.matchMedia('(prefers-color-scheme: dark)');
    if (scheme.addEventListener) scheme.addEventListener('change', themeChanged);
  }
  var saved = stored();
  if (saved === 'dark' || saved === 'light') root.setAttribute('data-theme', saved);

  document.addEventListener('click', function (ev) {
    var target = ev.target instanceof Element ? ev.target : null;
    var toggle = target && target.closest('[data-theme-toggle]');
    if (toggle) {
      var next = current() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try { localStorage.setItem(KEY, next); } catch (e) { /* private mode: not remembered */ }
      themeChanged();
      return;
    }
    var copy = target && target.closest('.copy-code');
    if (copy) {
      var code = copy.parentElement && copy.parentElement.querySelector('pre');
      if (code && navigator.clipboard) {
        navigator.clipboard.writeText(code.innerText).then(function () {
          copy.textContent = 'Copied';
          setTimeout(function () { copy.textContent = 'Copy'; }, 1500);
        }, function () { copy.textContent = 'Copy failed'; });
      }
    }
  });
  // Buttons appear when the page is parsed and again when the app renders.
  new MutationObserver(function () {
    var blocks = document.querySelectorAll('.code-block:not([data-copy])');
    for (var i = 0; i < blocks.length; i += 1) {
      blocks[i].setAttribute('data-copy', '');
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'copy-code';
      b.textContent = 'Copy';
      b.setAttribute('aria-label', 'Copy this code');
      blocks[i].appendChild(b);
    }
    label();
  }).observe(root, { childList: true, subtree: true });
})();
