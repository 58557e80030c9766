#include "core/language.h"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <unordered_map>
#include <utility>

#include "core/care_cluster.h"
#include "core/cluster_profile.h"

namespace clusterpilot {
namespace {

struct Entry {
  const char* key;
  const char* english;
  const char* dutch;
};

// The catalogue. Keys name where a text appears: "<table id>.title",
// "column.<column key>" (or "<table id>.column.<key>" where one key has two
// wordings), "row.<row key>", "html.*", "chart.*", "xlsx.*", "sheet.<table
// id>" (XLSX sheet names: at most 31 characters, no []:*?/\).
constexpr Entry kCatalogue[] = {
    // Table titles, descriptions and label-column headers.
    {"activity.title", "Patients and measurements", "Patiënten en metingen"},
    {"activity.description",
     "Patients rated in the month, each counted once per department (their latest rating "
     "there). Coverage: of the patients with revenue in the month, the share with a HoNOS+ "
     "rating in that department in the last 12 months.",
     "Patiënten met een meting in de maand, per afdeling één keer geteld (hun laatste meting "
     "daar). Dekking: van de patiënten met omzet in de maand het deel met een HoNOS+-meting op "
     "die afdeling in de laatste 12 maanden."},
    {"honos.title", "HoNOS+ severity", "Ernst volgens HoNOS+"},
    {"honos.description",
     "Mean scores of patients whose items 1-12 are all rated (a dynamic-route rating leaves "
     "items unasked); every column over the same patients, so the four subscale means add up to "
     "the total's. HoNOS total: items 1-12, 0-48.",
     "Gemiddelde scores van patiënten bij wie de items 1-12 alle gescoord zijn (de dynamische "
     "route laat items ongevraagd); elke kolom over dezelfde patiënten, zodat de vier "
     "subschaalgemiddelden optellen tot dat van het totaal. HoNOS-totaal: items 1-12, 0-48."},
    {"distribution.title", "Cluster distribution (patients)", "Clusterverdeling (patiënten)"},
    {"distribution.description",
     "Patients per care cluster, using the clinician's cluster where a clinician confirmed or "
     "changed the classifier's.",
     "Patiënten per zorgcluster; waar een behandelaar het cluster van het algoritme bevestigde of "
     "wijzigde, telt het cluster van de behandelaar."},
    {"distribution.row_header", "Cluster", "Cluster"},
    {"distribution_percent.title", "Cluster distribution (% of the department's patients)",
     "Clusterverdeling (% van de patiënten van de afdeling)"},
    {"distribution_percent.description",
     "The same distribution as percentages of each column's total.",
     "Dezelfde verdeling als percentage van het totaal van elke kolom."},
    {"distribution_percent.row_header", "Cluster", "Cluster"},
    {"fit.title", "Poorly fitting profiles", "Slecht passende profielen"},
    {"fit.description",
     "Patients the classifier flagged, per flag (a patient can carry several). Poor fit: "
     "atypical, no fitting cluster or supercluster conflict.",
     "Patiënten die het algoritme markeerde, per markering (een patiënt kan er meer hebben). "
     "Slechte passing: atypisch, geen passend cluster of conflict met het supercluster."},
    {"fit_ranking.title", "Where the model fits worst", "Waar het model het slechtst past"},
    {"fit_ranking.description",
     "Departments ranked by their share of poorly fitting patients (departments whose numbers "
     "are hidden are left out).",
     "Afdelingen gerangschikt naar hun aandeel slecht passende patiënten (afdelingen met "
     "verborgen aantallen ontbreken)."},
    {"fit_ranking.row_header", "Department", "Afdeling"},
    {"overrides.title", "Clinician review of the classification",
     "Beoordeling van de classificatie door behandelaars"},
    {"overrides.description",
     "Per measurement. Override rate: of the measurements a clinician reviewed, the share where "
     "the clinician chose another cluster than the algorithm.",
     "Per meting. Wijzigingspercentage: van de metingen die een behandelaar beoordeelde, het deel "
     "waarin de behandelaar een ander cluster koos dan het algoritme."},
    {"cluster_revenue.title",
     "Cluster revenue per month of patients rated this month (price scenarios and interval)",
     "Clusteromzet per maand van patiënten gemeten deze maand (prijsscenario's en interval)"},
    // {correlation}: the price correlation of the Monte Carlo draws, as "0,70".
    {"cluster_revenue.description",
     "Each patient rated this month with a cluster, paid that cluster's tariff. Low / most "
     "likely / high: all clusters at that tariff (most likely is the tariff file's middle "
     "column, the peak of each price's triangle). Expected (mean) and p5/p50/p95: Monte Carlo "
     "over prices (triangular, moving together with correlation {correlation}) and over the "
     "classifier's probabilities for patients no clinician reviewed. Prices only: clusters as "
     "reported, prices drawn. Classification only: prices at most likely, clusters drawn. "
     "Intervals do not add up across departments; the scenario sums do.",
     "Elke patiënt die deze maand gemeten is en een cluster heeft, tegen het tarief van dat "
     "cluster. Laag / meest waarschijnlijk / hoog: alle clusters tegen dat tarief (meest "
     "waarschijnlijk is de middelste kolom van het tarievenbestand, de top van de "
     "driehoeksverdeling van elke prijs). Verwacht (gemiddelde) en p5/p50/p95: Monte Carlo over "
     "de prijzen (driehoeksverdeling, samen bewegend met correlatie {correlation}) en over de "
     "kansen van het algoritme voor patiënten die geen behandelaar beoordeelde. Alleen prijzen: "
     "clusters zoals gerapporteerd, prijzen getrokken. Alleen classificatie: prijzen op meest "
     "waarschijnlijk, clusters getrokken. Intervallen tellen niet op over afdelingen; de "
     "scenario's wel."},
    {"transitions.title", "Transitions between clusters per department",
     "Overgangen tussen clusters per afdeling"},
    {"transitions.row_header", "Department · previous cluster", "Afdeling · vorig cluster"},
    {"transitions.description",
     "Each patient rated this month with a previous rating in the same department (the latest in "
     "the {valid_months} months before this month): rows the cluster of that previous rating, "
     "columns this month's cluster; 0 is no cluster (none fits, or not classified). Stability: "
     "the share of the row that stayed in its cluster.",
     "Elke patiënt die deze maand gemeten is en een vorige meting op dezelfde afdeling heeft (de "
     "laatste in de {valid_months} maanden voor deze maand): rijen het cluster van die vorige "
     "meting, kolommen het cluster van deze maand; 0 is geen cluster (geen passend, of niet "
     "geclassificeerd). Stabiliteit: het deel van de rij dat in zijn cluster bleef."},
    {"trends.title", "Trends: patients rated and their clusters",
     "Trends: gemeten patiënten en hun clusters"},
    {"trends.description",
     "The last 12 months per department: patients rated in the month (each once, at their "
     "latest rating there), by supercluster of their cluster (the clinician's, else the "
     "model's); no cluster: none fits, or not classified. Poor fit share: of the classified "
     "patients.",
     "De laatste 12 maanden per afdeling: patiënten gemeten in de maand (elk één keer, met hun "
     "laatste meting daar), naar supercluster van hun cluster (dat van de behandelaar, anders "
     "dat van het model); geen cluster: geen passend, of niet geclassificeerd. Aandeel slechte "
     "passing: van de geclassificeerde patiënten."},
    {"trends.row_header", "Department \xC2\xB7 month", "Afdeling \xC2\xB7 maand"},
    {"trend_reviews.title", "Trends: clinicians' reviews and overrides",
     "Trends: beoordelingen en wijzigingen door behandelaars"},
    {"trend_reviews.description",
     "The last 12 months per department: every measurement of the month the current model "
     "classified, those a clinician reviewed, and those where the clinician chose another "
     "cluster. Override rate: of the reviewed.",
     "De laatste 12 maanden per afdeling: elke meting van de maand die het huidige model "
     "classificeerde, de metingen die een behandelaar beoordeelde, en die waarbij de "
     "behandelaar een ander cluster koos. Wijzigingspercentage: van de beoordeelde."},
    {"trend_reviews.row_header", "Department \xC2\xB7 month", "Afdeling \xC2\xB7 maand"},
    {"trend_revenue.title", "Trends: cluster revenue and current revenue",
     "Trends: clusteromzet en huidige omzet"},
    {"trend_revenue.description",
     "The last 12 months per department: the patients rated in the month with a care cluster, "
     "at the most likely tariff of that cluster, against everything the revenue files bill the "
     "department for that month; a dash where no revenue file covers the month. Difference: "
     "cluster revenue minus current revenue.",
     "De laatste 12 maanden per afdeling: de patiënten gemeten in de maand met een zorgcluster, "
     "tegen het meest waarschijnlijke tarief van dat cluster, naast alles wat de "
     "omzetbestanden de afdeling voor die maand in rekening brengen; een streepje waar geen "
     "omzetbestand de maand dekt. Verschil: clusteromzet min huidige omzet."},
    {"trend_revenue.row_header", "Department \xC2\xB7 month", "Afdeling \xC2\xB7 maand"},
    {"trends.column.patients", "Patients rated", "Gemeten patiënten"},
    {"trends.column.poor_fit", "Poor fit", "Slechte passing"},
    {"trend_revenue.column.tariff_expected", "Expected cluster revenue", "Verwachte clusteromzet"},
    {"trend_revenue.column.current", "Current revenue", "Huidige omzet"},
    {"column.non_psychotic", "Non-psychotic (X)", "Niet-psychotisch (X)"},
    {"column.psychotic", "Psychotic (Y)", "Psychotisch (Y)"},
    {"column.organic", "Organic (Z)", "Organisch (Z)"},
    {"column.without_cluster", "No cluster", "Geen cluster"},
    {"allocation.title", "One payment per patient: allocation over the departments",
     "Eén betaling per patiënt: toerekening over de afdelingen"},
    {"organisation_allocation.title", "One payment per patient: allocation over the organisations",
     "Eén betaling per patiënt: toerekening over de organisaties"},
    {"organisation_allocation.row_header", "Organisation", "Organisatie"},
    // {rule}-independent: the numbers show the rule (pro-rata owes nothing).
    {"allocation.description",
     "One cluster payment per patient per month, at the most likely tariff of the cluster "
     "of their latest valid rating in any department; the institution counts each payment "
     "once. The setting report.allocation chooses who receives it. coordinator (the "
     "default): the coordinating department (regiebehandelaar, else the department of the "
     "latest rating) receives it and owes the others their share. pro-rata: each department "
     "receives its share directly, so nothing is owed. A share follows the department's "
     "part of the patient's current revenue that month.",
     "Eén clusterbetaling per patiënt per maand, tegen het meest waarschijnlijke tarief van "
     "het cluster van de laatste geldige meting op welke afdeling ook; de instelling telt "
     "elke betaling één keer. De instelling report.allocation kiest wie haar ontvangt. "
     "coordinator (de standaard): de afdeling van de regiebehandelaar (anders die van de "
     "laatste meting) ontvangt haar en is de andere hun aandeel verschuldigd. pro-rata: "
     "elke afdeling ontvangt haar aandeel zelf, zodat niets verschuldigd is. Een aandeel "
     "volgt het deel van de afdeling in de huidige omzet van de patiënt die maand."},
    {"organisation_allocation.description",
     "One cluster payment per patient per month, at the most likely tariff of the cluster "
     "of their latest valid rating in any organisation; the institution counts each payment "
     "once. The setting report.allocation chooses who receives it. coordinator (the "
     "default): the coordinating organisation (regiebehandelaar, else the organisation of "
     "the latest rating) receives it and owes the others their share. pro-rata: each "
     "organisation receives its share directly, so nothing is owed. A share follows the "
     "organisation's part of the patient's current revenue that month.",
     "Eén clusterbetaling per patiënt per maand, tegen het meest waarschijnlijke tarief van "
     "het cluster van de laatste geldige meting in welke organisatie ook; de instelling "
     "telt elke betaling één keer. De instelling report.allocation kiest wie haar ontvangt. "
     "coordinator (de standaard): de organisatie van de regiebehandelaar (anders die van de "
     "laatste meting) ontvangt haar en is de andere hun aandeel verschuldigd. pro-rata: "
     "elke organisatie ontvangt haar aandeel zelf, zodat niets verschuldigd is. Een aandeel "
     "volgt het deel van de organisatie in de huidige omzet van de patiënt die maand."},
    {"caseload_revenue.title", "Cluster revenue of the whole caseload against current revenue",
     "Clusteromzet van de hele caseload tegenover huidige omzet"},
    // {valid_months}: how far back a rating still gives a valid cluster.
    {"caseload_revenue.description",
     "Every patient billed in the month in the revenue file, priced at their valid cluster: the "
     "cluster of their latest rating in that department in the last {valid_months} months, if "
     "its review period had not ended before the month began. The difference is most likely "
     "cluster revenue minus current revenue over the patients with a valid cluster, with the "
     "Monte Carlo interval. Billed patients without a valid cluster (never rated, rating too "
     "old, or no cluster) are shown apart with their revenue.",
     "Elke patiënt die het omzetbestand in de maand declareert, geprijsd tegen zijn geldige "
     "cluster: het cluster van zijn laatste meting op die afdeling in de laatste {valid_months} "
     "maanden, als de herbeoordelingstermijn daarvan niet vóór het begin van de maand was "
     "verlopen. Het verschil is de meest waarschijnlijke clusteromzet min de huidige omzet over "
     "de patiënten met een geldig cluster, met het Monte Carlo-interval. Gedeclareerde "
     "patiënten zonder geldig cluster (nooit gemeten, meting te oud of geen cluster) staan "
     "apart met hun omzet."},
    {"impact.title", "Second view: patients rated this month against current revenue",
     "Tweede weergave: patiënten gemeten deze maand tegenover huidige omzet"},
    {"impact.description",
     "Over the same patients: those rated in the month, whose cluster is known. Current revenue "
     "is what the revenue file bills for them; the difference is most likely cluster revenue "
     "minus that, with the Monte Carlo interval. Revenue of patients not rated this month is "
     "shown apart.",
     "Over dezelfde patiënten: die met een meting in de maand en een bekend cluster. Huidige omzet "
     "is wat het omzetbestand voor hen declareert; het verschil is de meest waarschijnlijke "
     "clusteromzet min dat bedrag, met het Monte Carlo-interval. De omzet van patiënten zonder "
     "meting deze maand staat apart."},
    {"poor_fit_revenue.title", "Revenue riding on poorly fitting patients",
     "Omzet die afhangt van slecht passende patiënten"},
    {"poor_fit_revenue.description",
     "The most likely cluster revenue of patients flagged as fitting the model poorly: the least "
     "reliable part of the estimate.",
     "De meest waarschijnlijke clusteromzet van patiënten die als slecht passend gemarkeerd zijn: "
     "het minst betrouwbare deel van de schatting."},
    {"changes.title", "Re-rated patients and moved clusters",
     "Herbeoordeelde patiënten en clusterwisselingen"},
    {"changes.description",
     "Each patient rated this month against their own previous rating in the same department "
     "(the latest in the {valid_months} months before this month). Re-rated: patients with such "
     "a previous rating. Moved cluster: of those, the patients whose cluster differs (both "
     "ratings with a cluster).",
     "Elke patiënt die deze maand gemeten is, vergeleken met zijn eigen vorige meting op dezelfde "
     "afdeling (de laatste in de {valid_months} maanden vóór deze maand). Herbeoordeeld: "
     "patiënten met zo'n vorige meting. Van cluster gewisseld: daarvan de patiënten bij wie het "
     "cluster verschilt (beide metingen met een cluster)."},
    {"cluster_shift.title", "Distribution shift since {month}",
     "Verschuiving in de verdeling sinds {month}"},
    {"cluster_shift.description",
     "Institution-wide patients per cluster in both months; change in percentage points of all "
     "patients.",
     "Patiënten per cluster in de hele instelling in beide maanden; verandering in procentpunten "
     "van alle patiënten."},
    {"cluster_shift.row_header", "Cluster", "Cluster"},
    {"moves.title", "Moves between clusters since the previous rating",
     "Overgangen tussen clusters sinds de vorige meting"},
    {"moves.description",
     "The most frequent moves of re-rated patients, from their previous rating's cluster to this "
     "month's; moves of fewer patients are counted together.",
     "De vaakst voorkomende overgangen van herbeoordeelde patiënten, van het cluster van hun "
     "vorige meting naar dat van deze maand; overgangen van minder patiënten zijn samengeteld."},
    {"moves.row_header", "From cluster to cluster", "Van cluster naar cluster"},
    {"row_header", "Department", "Afdeling"},

    // XLSX sheet names (file names keep the English table ids).
    {"sheet.about", "about", "toelichting"},
    {"sheet.activity", "activity", "activiteit"},
    {"sheet.honos", "honos", "honos"},
    {"sheet.distribution", "distribution", "verdeling"},
    {"sheet.distribution_percent", "distribution_percent", "verdeling_procent"},
    {"sheet.fit", "fit", "passing"},
    {"sheet.fit_ranking", "fit_ranking", "passing_rangorde"},
    {"sheet.overrides", "overrides", "beoordeling"},
    {"sheet.cluster_revenue", "cluster_revenue", "clusteromzet"},
    {"sheet.caseload_revenue", "caseload_revenue", "omzet_hele_caseload"},
    {"sheet.allocation", "allocation", "toerekening"},
    {"sheet.transitions", "transitions", "overgangsmatrix"},
    {"sheet.trends", "trends", "trends"},
    {"sheet.trend_reviews", "trend_reviews", "trends_beoordeling"},
    {"sheet.trend_revenue", "trend_revenue", "trends_omzet"},
    {"sheet.organisation_allocation", "organisation_allocation", "toerekening_organisaties"},
    {"sheet.impact", "impact", "omzetverschil"},
    {"sheet.poor_fit_revenue", "poor_fit_revenue", "omzet_slechte_passing"},
    {"sheet.changes", "changes", "veranderingen"},
    {"sheet.cluster_shift", "cluster_shift", "verschuiving"},
    {"sheet.moves", "moves", "overgangen"},

    // Column labels.
    {"column.institution", "Institution", "Instelling"},
    {"column.paid_patients", "Patients paid for", "Betaalde patiënten"},
    {"column.stability", "Stability", "Stabiliteit"},
    {"column.received", "Payment received", "Ontvangen betaling"},
    {"column.allocated", "Allocated share", "Toegerekend aandeel"},
    {"column.owed", "Owed to the others", "Verschuldigd aan de anderen"},
    {"column.shared_patients", "Patients shared with others", "Met anderen gedeelde patiënten"},
    {"column.patients", "Patients", "Patiënten"},
    {"column.measurements", "Measurements", "Metingen"},
    {"column.not_classified", "Not yet classified", "Nog niet geclassificeerd"},
    {"column.revenue_patients", "Patients with revenue", "Patiënten met omzet"},
    {"column.rated_in_last_year", "... rated in last 12 months",
     "... met meting in laatste 12 maanden"},
    {"column.coverage", "Coverage", "Dekking"},
    {"column.complete_patients", "Patients fully rated", "Patiënten volledig gescoord"},
    {"column.honos_total", "HoNOS total", "HoNOS-totaal"},
    {"column.behaviour", "Behaviour", "Gedrag"},
    {"column.impairment", "Impairment", "Beperking"},
    {"column.symptoms", "Symptoms", "Symptomen"},
    {"column.social", "Social", "Sociaal"},
    {"column.classified", "Patients classified", "Patiënten geclassificeerd"},
    {"column.ambiguous", "Ambiguous", "Twijfelachtig"},
    {"column.atypical", "Atypical", "Atypisch"},
    {"column.no_fit", "No fit", "Geen passend cluster"},
    {"column.supercluster_conflict", "Supercluster conflict", "Conflict met supercluster"},
    {"column.insufficient_data", "Insufficient data", "Onvoldoende gegevens"},
    {"column.poor_fit", "Poor fit (any)", "Slechte passing (totaal)"},
    {"column.poor_fit_share", "Poor fit share", "Aandeel slechte passing"},
    {"column.classified_measurements", "Measurements classified", "Metingen geclassificeerd"},
    {"column.reviewed", "Reviewed by a clinician", "Beoordeeld door behandelaar"},
    {"column.confirmed", "Confirmed", "Bevestigd"},
    {"column.changed", "Changed", "Gewijzigd"},
    {"column.override_rate", "Override rate", "Wijzigingspercentage"},
    {"column.review_share", "Share reviewed", "Aandeel beoordeeld"},
    {"column.priced_patients", "Patients with a cluster", "Patiënten met een cluster"},
    {"column.tariff_low", "Low", "Laag"},
    {"column.tariff_expected", "Most likely", "Meest waarschijnlijk"},
    {"column.tariff_high", "High", "Hoog"},
    {"column.mean", "Expected (mean)", "Verwacht (gemiddelde)"},
    {"column.p5", "p5", "p5"},
    {"column.p50", "p50", "p50"},
    {"column.p95", "p95", "p95"},
    {"column.prices_only_p5", "Prices only p5", "Alleen prijzen p5"},
    {"column.prices_only_p95", "Prices only p95", "Alleen prijzen p95"},
    {"column.classification_only_p5", "Classification only p5", "Alleen classificatie p5"},
    {"column.classification_only_p95", "Classification only p95", "Alleen classificatie p95"},
    {"column.billed_patients", "Patients billed", "Gedeclareerde patiënten"},
    {"column.billed_revenue", "Their current revenue", "Hun huidige omzet"},
    {"column.valid_cluster_patients", "With a valid cluster", "Met een geldig cluster"},
    {"column.most_likely", "Their cluster revenue (most likely)",
     "Hun clusteromzet (meest waarschijnlijk)"},
    {"column.without_valid_cluster_patients", "Without a valid cluster", "Zonder geldig cluster"},
    {"column.without_valid_cluster_revenue", "Their current revenue", "Hun huidige omzet"},
    {"column.rated_revenue_patients", "Rated patients with revenue", "Gemeten patiënten met omzet"},
    {"column.current", "Their current revenue", "Hun huidige omzet"},
    {"column.expected", "Cluster revenue (most likely)", "Clusteromzet (meest waarschijnlijk)"},
    {"column.difference", "Difference", "Verschil"},
    {"column.difference_percent", "Relative difference", "Relatief verschil"},
    {"column.difference_p5", "Difference p5", "Verschil p5"},
    {"column.difference_p95", "Difference p95", "Verschil p95"},
    {"column.unrated_patients", "Patients with revenue, not rated this month",
     "Patiënten met omzet, zonder meting deze maand"},
    {"column.unrated_revenue", "Their revenue", "Hun omzet"},
    {"column.poor_fit_patients", "Poorly fitting patients with a cluster",
     "Slecht passende patiënten met een cluster"},
    {"column.poor_fit_expected", "Their most likely revenue", "Hun meest waarschijnlijke omzet"},
    {"column.share_of_expected", "Share of most likely revenue",
     "Aandeel van meest waarschijnlijke omzet"},
    {"column.previous_patients", "Patients previous month", "Patiënten vorige maand"},
    {"changes.column.patients", "Patients rated this month", "Patiënten gemeten deze maand"},
    {"column.rerated", "Re-rated (with a previous rating)",
     "Herbeoordeeld (met een vorige meting)"},
    {"column.in_both_months", "Rated in both months", "Gemeten in beide maanden"},
    {"column.moved", "Moved cluster", "Van cluster gewisseld"},
    {"column.moved_share", "Share moved", "Aandeel gewisseld"},
    {"column.previous", "Previous month", "Vorige maand"},
    {"column.previous_percent", "Previous %", "Vorige maand %"},
    {"cluster_shift.column.current", "This month", "Deze maand"},
    {"column.current_percent", "This month %", "Deze maand %"},
    {"column.change_points", "Change (points)", "Verandering (procentpunten)"},

    // Row labels that are not department names.
    {"row.institution", "Institution", "Instelling"},
    {"row.total", "Total", "Totaal"},
    {"row.no_cluster", "No fitting cluster", "Geen passend cluster"},
    {"row.clinician_no_cluster", "No fitting cluster (clinician's decision)",
     "Geen passend cluster (besluit behandelaar)"},
    {"row.not_classified", "Not yet classified", "Nog niet geclassificeerd"},
    {"row.other_moves", "Other moves", "Overige overgangen"},
    {"row.all_moves", "All moves", "Alle overgangen"},
    {"row.subtotal", "{name} subtotal", "{name} subtotaal"},
    {"supercluster.X", "Non-psychotic (X)", "Psychische aandoening (X)"},
    {"supercluster.Y", "Psychotic (Y)", "Psychotische stoornis (Y)"},
    {"supercluster.Z", "Organic (Z)", "Cognitieve beperking (Z)"},

    // The HTML page's own text.
    {"html.title", "Care-cluster pilot report {month}", "Pilotrapportage zorgclusters {month}"},
    {"html.subtitle",
     "Per department and for the institution. Cluster model: {model}. Generated "
     "{generated}.",
     "Per afdeling en voor de hele instelling. Clustermodel: {model}. Gemaakt op {generated}."},
    {"html.no_model", "none yet", "nog geen"},
    {"html.key_patients", "Patients in the month", "Patiënten in de maand"},
    {"html.key_measurements", "{count} measurements", "{count} metingen"},
    {"html.key_expected", "Cluster revenue, most likely tariffs",
     "Clusteromzet, meest waarschijnlijke tarieven"},
    {"html.key_interval", "patients rated this month; 90% interval {low} to {high}",
     "patiënten gemeten in de maand; 90%-interval {low} tot {high}"},
    {"html.key_low", "All tariffs low", "Alle tarieven laag"},
    {"html.key_high", "all high: {high}", "alle hoog: {high}"},
    {"html.key_difference", "Difference with current revenue", "Verschil met huidige omzet"},
    {"html.key_difference_detail",
     "{percent} of {current} billed for the caseload with a valid cluster; {without} billed "
     "without one",
     "{percent} van {current} gedeclareerd voor de caseload met een geldig cluster; {without} "
     "gedeclareerd zonder"},
    {"html.key_coverage", "Coverage", "Dekking"},
    {"html.key_coverage_detail", "patients with revenue rated in the last 12 months",
     "patiënten met omzet en een meting in de laatste 12 maanden"},
    {"html.key_poor_fit", "Poorly fitting", "Slecht passend"},
    {"html.key_poor_fit_detail", "{count} patients; {share} of most likely revenue",
     "{count} patiënten; {share} van de meest waarschijnlijke omzet"},
    {"html.key_override", "Override rate", "Wijzigingspercentage"},
    {"html.key_override_detail", "of {count} reviewed measurements",
     "van {count} beoordeelde metingen"},
    {"html.worst_fit", "Where the model fits worst", "Waar het model het slechtst past"},
    {"html.worst_fit_item", "{share} of patients fit poorly ({count} of {total})",
     "{share} van de patiënten past slecht ({count} van {total})"},
    {"html.distribution_chart", "Cluster distribution per department",
     "Clusterverdeling per afdeling"},
    {"html.distribution_chart_note",
     "Share of each department's patients per care cluster; every cluster has its own colour "
     "and its number on the bar, and a white line separates the superclusters.",
     "Aandeel van de patiënten van elke afdeling per zorgcluster; elk cluster heeft een eigen "
     "kleur en zijn nummer op de balk, en een witte lijn scheidt de superclusters."},
    {"html.revenue_chart", "Cluster revenue per department", "Clusteromzet per afdeling"},
    {"html.trend_patients_chart", "Last 12 months: patients rated per supercluster",
     "Laatste 12 maanden: gemeten patiënten per supercluster"},
    {"html.trend_shares_chart", "Last 12 months: poor fit, reviews and overrides",
     "Laatste 12 maanden: slechte passing, beoordelingen en wijzigingen"},
    {"html.trend_revenue_chart", "Last 12 months: expected cluster revenue and current revenue",
     "Laatste 12 maanden: verwachte clusteromzet en huidige omzet"},
    {"html.transition_chart", "Transitions: from the previous rating's cluster to this month's",
     "Overgangen: van het cluster van de vorige meting naar dat van deze maand"},
    {"html.transition_chart_note",
     "Per department, each band carries the re-rated patients from the cluster of their "
     "previous rating (left) to this month's cluster (right); 0 is no cluster. Counts below {k} "
     "are never drawn on their own: together they form the grey band to \"hidden\".",
     "Per afdeling draagt elke band de opnieuw gemeten patiënten van het cluster van hun vorige "
     "meting (links) naar het cluster van deze maand (rechts); 0 is geen cluster. Aantallen "
     "onder {k} worden nooit apart getekend: samen vormen ze de grijze band naar "
     "\"verborgen\"."},
    {"html.trend_chart_note",
     "One panel per department and one for the institution, each on its own scale. A gap in a "
     "line is a month whose figure is hidden (few patients) or unknown (no revenue file).",
     "Eén paneel per afdeling en één voor de instelling, elk op een eigen schaal. Een "
     "onderbreking in een lijn is een maand waarvan het getal verborgen is (weinig patiënten) "
     "of onbekend (geen omzetbestand)."},
    {"html.revenue_chart_note",
     "Patients rated this month: revenue per month at most likely tariffs with the 90% Monte "
     "Carlo interval (p5-p95) and the range from all-low to all-high tariffs.",
     "Patiënten gemeten in de maand: omzet per maand bij de meest waarschijnlijke tarieven, met "
     "het 90%-Monte Carlo-interval (p5-p95) en de marge van alle tarieven laag tot alle "
     "tarieven hoog."},
    {"html.hidden_legend",
     "<{k}: fewer than {k} patients, hidden for privacy. x: hidden so that a small number cannot "
     "be worked out from the totals.",
     "<{k}: minder dan {k} patiënten, verborgen voor de privacy. x: verborgen zodat een klein "
     "aantal niet uit de totalen te herleiden is."},
    {"html.hidden_percent_legend", "n<{k}: a percentage of fewer than {k} patients, hidden.",
     "n<{k}: een percentage van minder dan {k} patiënten, verborgen."},
    {"html.method_title", "How these numbers are made", "Hoe deze cijfers tot stand komen"},
    {"html.method",
     "Cluster model: {model}. Tariffs: {tariffs} (euro per patient per month; scenarios, not "
     "official prices). Revenue: {revenue}. Interval: {draws} Monte Carlo draws with seed {seed}; "
     "each draw prices every cluster from a triangular distribution (low, most likely, high), "
     "the clusters' prices moving together with correlation {correlation} (one shared price "
     "level plus a deviation per cluster), and draws the cluster of every patient no clinician "
     "reviewed from the classifier's probabilities; expected is the mean of the draws, p5, p50 "
     "and p95 are order statistics of the draws. A patient counts once per department per month "
     "(the latest rating). A billed patient's valid cluster is the cluster of their latest "
     "rating in the department in the last {valid_months} months, while its review period lasts "
     "into the month. Counts from 1 to {k_minus_1} are hidden as <{k}, and further cells as x "
     "where a total would reveal them.",
     "Clustermodel: {model}. Tarieven: {tariffs} (euro per patiënt per maand; scenario's, geen "
     "officiële prijzen). Omzet: {revenue}. Interval: {draws} Monte Carlo-trekkingen met seed "
     "{seed}; elke trekking prijst elk cluster uit een driehoeksverdeling (laag, meest "
     "waarschijnlijk, hoog), waarbij de prijzen van de clusters samen bewegen met correlatie "
     "{correlation} (één gedeeld prijsniveau plus een afwijking per cluster), en trekt het "
     "cluster van elke patiënt die geen behandelaar beoordeelde uit de kansen van het "
     "algoritme; verwacht is het gemiddelde van de trekkingen, p5, p50 en p95 zijn "
     "ordestatistieken van de trekkingen. Een patiënt telt één keer per afdeling per maand (de "
     "laatste meting). Het geldige cluster van een gedeclareerde patiënt is het cluster van de "
     "laatste meting in de afdeling in de laatste {valid_months} maanden, zolang de "
     "herbeoordelingstermijn tot in de maand loopt. Aantallen van 1 tot en met {k_minus_1} zijn "
     "verborgen als <{k}, en andere cellen als x waar een totaal ze zou verraden."},
    {"html.not_given", "not given", "niet opgegeven"},
    {"html.footer",
     "clusterpilot - synthetic or pseudonymised data only; no patient identifiers in this report.",
     "clusterpilot - alleen synthetische of gepseudonimiseerde gegevens; geen "
     "patiëntnummers in dit rapport."},

    // Chart labels.
    {"chart.distribution", "cluster distribution per department", "clusterverdeling per afdeling"},
    {"chart.revenue", "cluster revenue interval per department",
     "interval van de clusteromzet per afdeling"},
    {"chart.patients", "{count} patients", "{count} patiënten"},
    {"chart.fewer_than", "fewer than {k} patients", "minder dan {k} patiënten"},
    {"chart.no_patients", "no patients", "geen patiënten"},
    {"chart.no_cluster", "no fitting cluster", "geen passend cluster"},
    {"chart.not_classified", "not yet classified", "nog niet geclassificeerd"},
    {"chart.hidden", "hidden small numbers", "verborgen kleine aantallen"},
    {"chart.transitions", "transitions between clusters per department",
     "overgangen tussen clusters per afdeling"},
    {"chart.transition_hidden", "hidden", "verborgen"},
    {"chart.hidden_within", "hidden within a supercluster", "verborgen binnen een supercluster"},
    {"chart.hidden_protective", "hidden so that small numbers elsewhere stay hidden",
     "verborgen zodat kleine aantallen elders verborgen blijven"},
    {"chart.hidden_few", "hidden (few patients)", "verborgen (weinig patiënten)"},
    {"chart.scenarios", "low-high scenarios", "scenario's laag-hoog"},
    {"chart.interval", "p5-p95 interval", "interval p5-p95"},
    {"chart.expected", "most likely", "meest waarschijnlijk"},
    {"chart.current", "current revenue (same patients)", "huidige omzet (zelfde patiënten)"},

    // The XLSX "about" sheet.
    {"xlsx.month", "Month", "Maand"},
    {"xlsx.model", "Cluster model", "Clustermodel"},
    {"xlsx.no_model", "(nothing classified yet)", "(nog niets geclassificeerd)"},
    {"xlsx.tariffs", "Tariff file", "Tarievenbestand"},
    {"xlsx.tariff_unit", "{file} (euro per patient per month)",
     "{file} (euro per patiënt per maand)"},
    {"xlsx.revenue", "Revenue file", "Omzetbestand"},
    {"xlsx.no_revenue", "(none given)", "(niet opgegeven)"},
    {"xlsx.monte_carlo", "Monte Carlo", "Monte Carlo"},
    {"xlsx.draws", "{draws} draws, seed {seed}", "{draws} trekkingen, seed {seed}"},
    {"xlsx.generated", "Generated", "Gemaakt op"},
    {"xlsx.small", "fewer than {k} patients: hidden for privacy",
     "minder dan {k} patiënten: verborgen voor de privacy"},
    {"xlsx.protective", "hidden so that a small number cannot be worked out from the totals",
     "verborgen zodat een klein aantal niet uit de totalen te herleiden is"},
    {"xlsx.percent_small", "a percentage of fewer than {k} patients, hidden",
     "een percentage van minder dan {k} patiënten, verborgen"},
    {"xlsx.note", "Note", "Let op"},
    {"xlsx.sheets", "Sheets",
     "Tabbladen"},  // The web app's pages (web/templates use them as {{t.<key>}} without
    // "web.").
    {"web.nav.worklist", "Worklist", "Werklijst"},
    {"web.nav.departments", "Departments", "Afdelingen"},
    {"web.nav.reports", "Reports", "Rapporten"},
    {"web.nav.users", "Users", "Gebruikers"},
    {"web.nav.audit", "Audit log", "Auditlog"},
    {"web.logout", "Log out", "Uitloggen"},
    {"web.month", "Month", "Maand"},
    {"web.show", "Show", "Toon"},
    {"web.filter.all", "all", "alle"},
    {"web.filter.flagged", "flagged", "gemarkeerd"},
    {"web.filter.unreviewed", "not reviewed", "niet beoordeeld"},
    {"web.filter.reviewed", "reviewed", "beoordeeld"},
    {"web.page", "page", "pagina"},
    {"web.of", "of", "van"},
    {"web.next", "Next", "Volgende"},
    {"web.measurement", "Measurement", "Meting"},
    {"web.patient", "Patient", "Patiënt"},
    {"web.department", "Department", "Afdeling"},
    {"web.date", "Date", "Datum"},
    {"web.clinician", "Clinician", "Behandelaar"},
    {"web.cluster", "Cluster", "Cluster"},
    {"web.probability", "Probability", "Kans"},
    {"web.flags", "Flags", "Signalen"},
    {"web.review", "Review", "Beoordeling"},
    {"web.reason", "Reason", "Reden"},
    {"web.confirm_all", "Confirm all unflagged on this page",
     "Bevestig alle ongemarkeerde op deze pagina"},
    {"web.confirm_result", "{confirmed} confirmed, {changed} changed by someone else meanwhile",
     "{confirmed} bevestigd, {changed} intussen door een ander gewijzigd"},
    {"web.explanation", "Explanation", "Uitleg"},
    {"web.timeline", "Timeline", "Verloop"},
    {"web.item", "Item", "Item"},
    {"web.name", "Name", "Naam"},
    {"web.score", "Score", "Score"},
    {"web.confirm_cluster", "Confirm cluster", "Bevestig cluster"},
    {"web.other_cluster", "Other cluster", "Ander cluster"},
    {"web.no_fitting_cluster", "No fitting cluster", "Geen passend cluster"},
    {"web.outside_choice", "On purpose outside supercluster", "Bewust buiten supercluster"},
    {"web.outside_note", "outside the supercluster", "buiten het supercluster"},
    {"web.by", "by", "door"},
    {"web.at", "at", "op"},
    {"web.save", "Save", "Opslaan"},
    {"web.conflict", "Someone else reviewed this measurement meanwhile; your review was not saved.",
     "Een ander heeft deze meting intussen beoordeeld; uw beoordeling is niet opgeslagen."},
    {"web.back_to_measurement", "Back to the measurement", "Terug naar de meting"},
    {"web.measurements", "Measurements", "Metingen"},
    {"web.poor_fit", "Poor fit", "Slechte passing"},
    {"web.reviewed", "Reviewed", "Beoordeeld"},
    {"web.cluster_mix", "Cluster mix", "Clustermix"},
    {"web.hidden_note", "<5: 1 to 4, hidden; x: hidden so that a small count cannot be worked out",
     "<5: 1 tot 4, verborgen; x: verborgen zodat een klein aantal niet terug te rekenen is"},
    {"web.no_report",
     "No report for this month: no measurements that month, or no tariff file set (serve.tariffs)",
     "Geen rapport voor deze maand: geen metingen in die maand, of geen tarievenbestand ingesteld "
     "(serve.tariffs)"},
    {"web.import", "Import", "Importeer"},
    {"web.export_file", "Export (XML, CSV)", "Export (XML, CSV)"},
    {"web.import_summary",
     "{read} read, {stored} stored, {skipped} already stored, {conflicts} conflicts, {rejected} "
     "rejected",
     "{read} gelezen, {stored} opgeslagen, {skipped} al aanwezig, {conflicts} conflicten, "
     "{rejected} geweigerd"},
    {"web.imported_before", "The same content was imported before (batch {batch})",
     "Dezelfde inhoud is eerder geïmporteerd (batch {batch})"},
    {"web.problem_count", "problems in all", "problemen in totaal"},
    {"web.back_to_reports", "Back to the reports", "Terug naar de rapporten"},
    {"web.title.worklist", "Worklist {month}", "Werklijst {month}"},
    {"web.title.measurement", "Measurement {id}", "Meting {id}"},
    {"web.title.departments", "Departments {month}", "Afdelingen {month}"},
    {"web.title.report", "Report {month}", "Rapport {month}"},
    {"web.title.login", "Log in", "Inloggen"},
    {"web.title.users", "Users", "Gebruikers"},
    {"web.title.audit", "Audit log", "Auditlog"},
    {"web.title.conflict", "Conflict", "Conflict"},
    {"web.title.due", "Due ratings on {date}", "Metingen nodig op {date}"},
    {"web.title.import", "Import {file}", "Import {file}"},
    {"web.password", "Password", "Wachtwoord"},
    {"web.login", "Log in", "Inloggen"},
    // The login page's link to the other language: its label and code.
    {"web.other_language", "Nederlands", "English"},
    {"web.other_language_code", "nl", "en"},
    {"web.login_failed", "Unknown name or password, or the account is locked for a while.",
     "Onbekende naam of wachtwoord, of het account is tijdelijk geblokkeerd."},
    {"web.back", "Back", "Terug"},
    {"web.nav.due", "Due ratings", "Metingen nodig"},
    {"web.within_days", "Within days", "Binnen dagen"},
    {"web.due_patients", "patients due or overdue", "patiënten nodig of te laat"},
    {"web.last_rating", "Last rating", "Laatste meting"},
    {"web.review_period", "Review period", "Herbeoordelingstermijn"},
    {"web.due", "Due", "Nodig op"},
    {"web.days_overdue", "Days overdue", "Dagen te laat"},
    {"web.cut_note",
     "The report's figures of your departments only, as suppressed in the whole report:",
     "De cijfers van het rapport voor alleen uw afdelingen, verborgen zoals in het hele rapport:"},
    {"web.cut_empty", "The report has no figures of your departments this month.",
     "Het rapport heeft deze maand geen cijfers van uw afdelingen."},
    {"web.user", "User", "Gebruiker"},
    {"web.action", "Action", "Actie"},
    {"web.time", "Time", "Tijd"},
    {"web.role", "Role", "Rol"},
    {"web.departments", "Departments", "Afdelingen"},
    {"web.status", "Status", "Status"},
    {"web.disabled", "disabled", "uitgeschakeld"},
    {"web.active", "active", "actief"},
    {"web.users_note", "Accounts are managed with", "Accounts worden beheerd met"},
    {"web.error.internal", "Internal error", "Interne fout"},
    {"web.error.not_found", "Not found", "Niet gevonden"},
    {"web.error.method", "Method not allowed", "Methode niet toegestaan"},
    {"web.error.not_logged_in", "Not logged in", "Niet ingelogd"},
    {"web.error.role", "Not allowed for this role", "Geen toegang voor deze rol"},
    {"web.error.form", "Form expired or from elsewhere; reload the page",
     "Formulier verlopen of van elders; laad de pagina opnieuw"},
    {"web.error.too_large", "Request too large", "Verzoek te groot"},
    {"web.error.bad_request", "Bad request", "Ongeldig verzoek"},
    {"web.error.month", "Month: write YYYY-MM", "Maand: schrijf JJJJ-MM"},
    {"web.error.date", "Date: write YYYY-MM-DD", "Datum: schrijf JJJJ-MM-DD"},
    {"web.error.format", "Choose month and format (html, xlsx, csv)",
     "Kies maand en formaat (html, xlsx, csv)"},
    {"web.error.no_report", "No report for this month", "Geen rapport voor deze maand"},
    {"web.error.choose_file", "Choose a file", "Kies een bestand"},
    {"web.error.nothing_to_confirm", "No measurements to confirm",
     "Geen metingen om te bevestigen"},
    {"web.error.choose_cluster", "Choose a cluster", "Kies een cluster"},
    {"web.error.outside_supercluster",
     "Cluster {cluster} is {of_cluster}, the measurement was rated {rated}; tick 'outside the "
     "supercluster' to choose it on purpose",
     "Cluster {cluster} valt buiten supercluster {rated_letter}; vink 'buiten het supercluster' "
     "aan om het bewust te kiezen"},
    {"web.error.version_missing", "Version missing", "Versie ontbreekt"},
    {"web.error.no_cluster_to_confirm", "There is no cluster to confirm",
     "Er is geen cluster om te bevestigen"},
    {"web.error.choose_decision", "Choose a decision", "Kies een beoordeling"},
    {"web.error.reason_required", "A reason is required", "Reden is verplicht"},
};

// The Dutch names of the care-demand types (zorgvraagtypen), in the words
// the Dutch regulation's tables use for the UK clusters.
constexpr std::pair<int, const char*> kDutchClusterNames[] = {
    {1, "lichte problematiek, lage ernst"},
    {2, "lichte problematiek, lage ernst met grotere zorgbehoefte"},
    {3, "niet-psychotisch, matige ernst"},
    {4, "niet-psychotisch, ernstig"},
    {5, "niet-psychotisch, zeer ernstig"},
    {6, "niet-psychotische stoornis met overwaardige ideeën"},
    {7, "langdurige niet-psychotische stoornis, hoge beperking"},
    {8, "niet-psychotische chaotische en complexe stoornissen"},
    {10, "eerste psychose"},
    {11, "langdurige of terugkerende psychose, weinig symptomen"},
    {12, "langdurige of terugkerende psychose, hoge beperking"},
    {13, "langdurige of terugkerende psychose, veel symptomen en hoge beperking"},
    {14, "psychotische crisis"},
    {15, "ernstige psychotische depressie"},
    {16, "psychose met dubbele diagnose"},
    {17, "psychose en affectieve stoornis, moeilijk te bereiken"},
    {18, "cognitieve beperking, lage zorgbehoefte"},
    {19, "cognitieve beperking of dementie, matige zorgbehoefte"},
    {20, "cognitieve beperking of dementie, hoge zorgbehoefte"},
    {21, "cognitieve beperking of dementie, hoge lichamelijke of betrokkenheidsbehoefte"},
};

const std::unordered_map<std::string_view, const Entry*>& Index() {
  static const auto* index = [] {
    auto* built = new std::unordered_map<std::string_view, const Entry*>();
    for (const Entry& entry : kCatalogue) built->emplace(entry.key, &entry);
    return built;
  }();
  return *index;
}

const Entry* Find(std::string_view key) {
  const auto found = Index().find(key);
  return found == Index().end() ? nullptr : found->second;
}

std::string Fill(std::string text, const std::vector<PhraseValue>& values, Language language) {
  for (const PhraseValue& value : values) {
    const std::string& with = language == Language::kDutch ? value.dutch : value.english;
    for (size_t at = text.find(value.placeholder); at != std::string::npos;
         at = text.find(value.placeholder, at + with.size())) {
      text.replace(at, value.placeholder.size(), with);
    }
  }
  return text;
}

}  // namespace

std::optional<Language> ParseLanguage(std::string_view code) {
  std::string lower;
  for (char c : code) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "nl") return Language::kDutch;
  if (lower == "en") return Language::kEnglish;
  return std::nullopt;
}

std::string_view LanguageCode(Language language) {
  return language == Language::kDutch ? "nl" : "en";
}

std::vector<std::string_view> PhraseKeys(std::string_view prefix) {
  std::vector<std::string_view> keys;
  for (const Entry& entry : kCatalogue) {
    if (std::string_view(entry.key).starts_with(prefix)) keys.emplace_back(entry.key);
  }
  return keys;
}

PhraseValue Value(std::string placeholder, const std::string& value) {
  return PhraseValue{std::move(placeholder), value, value};
}

std::string Phrase(Language language, std::string_view key,
                   const std::vector<PhraseValue>& values) {
  const Entry* entry = Find(key);
  if (entry == nullptr) {
    // Not bad input: a key typed wrong in our own code, which a test hits.
    std::fprintf(stderr, "text catalogue: no phrase \"%.*s\"\n", static_cast<int>(key.size()),
                 key.data());
    std::abort();
  }
  return Fill(language == Language::kDutch ? entry->dutch : entry->english, values, language);
}

bool HasDutch(std::string_view key, const std::string& english,
              const std::vector<PhraseValue>& values) {
  const Entry* entry = Find(key);
  return entry != nullptr && Fill(entry->english, values, Language::kEnglish) == english;
}

std::string Translate(Language language, std::string_view key, const std::string& english,
                      const std::vector<PhraseValue>& values) {
  if (language == Language::kEnglish || !HasDutch(key, english, values)) return english;
  return Fill(Find(key)->dutch, values, Language::kDutch);
}

std::string MonthName(Language language, const CalendarMonth& month) {
  static const char* const kDutchMonths[] = {"januari",   "februari", "maart",    "april",
                                             "mei",       "juni",     "juli",     "augustus",
                                             "september", "oktober",  "november", "december"};
  if (language == Language::kEnglish) return month.Name();
  return std::string(kDutchMonths[month.month() - 1]) + " " + std::to_string(month.year());
}

std::string ClusterName(Language language, int cluster) {
  if (!IsCareCluster(cluster)) return "";
  if (language == Language::kDutch) {
    for (const auto& [number, name] : kDutchClusterNames) {
      if (number == cluster) return name;
    }
    return "";
  }
  for (const ClusterProfile& profile : DefaultClusterProfiles()) {
    if (profile.cluster == cluster) return profile.name;
  }
  return "";
}

}  // namespace clusterpilot
