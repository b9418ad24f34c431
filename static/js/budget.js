// A budget on the ballot: says, as proposals are ticked, how much of the budget is left or
// by how much it is exceeded. The server adds up again and explains an overrun, so the
// ballot works the same without this script.
(function () {
  "use strict";

  function euros(amount, locale) {
    return new Intl.NumberFormat(locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(amount);
  }

  function fill(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_, name) { return values[name]; });
  }

  document.querySelectorAll(".budget-choices[data-budget]").forEach(function (group) {
    var budget = Number(group.dataset.budget);
    var output = group.querySelector(".budget-remaining");
    var locale = document.documentElement.lang || "de";
    if (!output) {
      return;
    }
    function update() {
      var spent = 0;
      group.querySelectorAll("input[data-cost]:checked").forEach(function (box) {
        spent += Number(box.dataset.cost);
      });
      var values = {
        spent: euros(spent, locale),
        budget: euros(budget, locale),
        left: euros(Math.max(budget - spent, 0), locale),
        over: euros(Math.max(spent - budget, 0), locale),
      };
      var over = spent > budget;
      output.textContent = fill(over ? output.dataset.templateOver : output.dataset.templateLeft, values);
      output.classList.toggle("text-danger", over);
      output.hidden = false;
    }
    group.addEventListener("change", update);
    update();
  });
})();
