// Tenring stage score sheet: tap counters and the running points. Plain ES, no inline script (CSP); the form
// works without it (number inputs). Points: A 5, C 4 major / 3 minor, D 2 major / 1 minor, M, NS, P −10 each.
(function () {
  "use strict";

  var POINTS = { major: { a: 5, c: 4, d: 2 }, minor: { a: 5, c: 3, d: 1 } };

  function count(form, name) {
    var v = Number(form.elements[name].value);
    return Number.isFinite(v) && v > 0 ? Math.floor(v) : 0;
  }

  function update(form) {
    var p = POINTS[form.getAttribute("data-power-factor")] || POINTS.minor;
    var required = Number(form.getAttribute("data-required"));
    var a = count(form, "a"), c = count(form, "c"), d = count(form, "d");
    var m = count(form, "miss"), ns = count(form, "noShoot"), pr = count(form, "procedural");
    var hits = a + c + d + m;
    var points = a * p.a + c * p.c + d * p.d - 10 * (m + ns + pr);
    var time = Number(String(form.elements.time.value).replace(",", "."));
    var hf = time > 0 ? (Math.max(0, points) / time).toFixed(4) : "–";
    var hitsEl = form.querySelector(".running-hits");
    hitsEl.textContent = "Hits: " + hits + " of " + required;
    hitsEl.classList.toggle("off", hits !== required);
    form.querySelector(".running-points").textContent = "Points: " + points;
    form.querySelector(".running-hf").textContent = "HF " + hf;
  }

  document.addEventListener("click", function (evt) {
    var button = evt.target.closest && evt.target.closest(".stage-sheet button[data-step]");
    if (!button) return;
    var input = document.getElementById(button.getAttribute("data-for"));
    input.value = String(Math.max(0, (Number(input.value) || 0) + Number(button.getAttribute("data-step"))));
    update(button.form);
  });

  document.addEventListener("input", function (evt) {
    if (evt.target.form && evt.target.form.classList.contains("stage-sheet")) update(evt.target.form);
  });

  function start() {
    var forms = document.querySelectorAll(".stage-sheet");
    for (var i = 0; i < forms.length; i++) update(forms[i]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
