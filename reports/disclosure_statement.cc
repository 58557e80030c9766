#include "reports/disclosure_statement.h"

namespace clusterpilot {
namespace {

std::string N(int value) { return std::to_string(value); }

std::string DutchAmounts(const DisclosureSummary& s) {
  if (s.audited_amounts == 0) return "";
  return " Geen van de " + N(s.audited_amounts) +
         " verborgen omzetbedragen is tot op de euro uit te rekenen.";
}

std::string EnglishAmounts(const DisclosureSummary& s) {
  if (s.audited_amounts == 0) return "";
  return " None of the " + N(s.audited_amounts) +
         " hidden revenue amounts can be worked out to the euro.";
}

std::string Dutch(const DisclosureSummary& s) {
  const std::string k = N(s.suppress_below);
  std::string text =
      "Aantallen van 1 tot en met " + N(s.suppress_below - 1) + " patiënten zijn verborgen als <" +
      k + " (minder dan " + k + "; " + N(s.small_cells) +
      " cellen, soms ook een 0 waar een kleine afdeling niets anders te verbergen laat), en " +
      N(s.protective_cells) + " andere cellen als x (minstens " + k +
      "), zodat geen klein aantal terug te rekenen is uit totalen, bedragen (aantal maal tarief) "
      "of andere tabellen. ";
  if (s.audited_cells == 0)
    return text + "Er zijn geen kleine aantallen verborgen." + DutchAmounts(s);
  return text + "Een controle met lineaire programmering (GLPK) over alle " + N(s.constraints) +
         " gepubliceerde aantallen en bedragen van dit rapport laat elk van de " +
         N(s.audited_cells) + " verborgen kleine aantallen nog minstens " +
         N(s.protection_interval) + " mogelijke waarden (de krapste: " + N(s.narrowest) + ")." +
         DutchAmounts(s);
}

std::string English(const DisclosureSummary& s) {
  const std::string k = N(s.suppress_below);
  std::string text = "Counts of 1 to " + N(s.suppress_below - 1) + " patients are hidden as <" + k +
                     " (fewer than " + k + "; " + N(s.small_cells) +
                     " cells, at times a 0 where a small department leaves nothing else to "
                     "hide), and " +
                     N(s.protective_cells) + " further cells as x (at least " + k +
                     "), so that no small count can be worked back from totals, amounts (count "
                     "times tariff) or other tables. ";
  if (s.audited_cells == 0) return text + "No small counts were hidden." + EnglishAmounts(s);
  return text + "An audit by linear programming (GLPK) over all " + N(s.constraints) +
         " published counts and amounts of this report leaves each of the " + N(s.audited_cells) +
         " hidden small counts at least " + N(s.protection_interval) +
         " possible values (the narrowest: " + N(s.narrowest) + ")." + EnglishAmounts(s);
}

}  // namespace

std::string DisclosureStatement(const DisclosureSummary& summary, StatementLanguage language) {
  return language == StatementLanguage::kDutch ? Dutch(summary) : English(summary);
}

}  // namespace clusterpilot
