// Turns the NZa code lists ("Codelijsten zorgvraagtypering") into a cluster
// model: the coefficient per question, answer and zorgvraagtype, the constant
// per zorgvraagtype and the red rules, each a CSV table as exported from the
// NZa spreadsheet (';'-separated, decimal comma, a header row; UTF-8 or
// Windows-1252 headers such as "Coëfficiënt" are recognised).
//
// Tables (header names in English or Dutch, any order, case ignored):
//   coefficients: question (vraag); answer (antwoord); zorgvraagtype (type);
//                 coefficient (coëfficiënt)
//   constants:    zorgvraagtype (type); constant (constante)
//   red rules:    question (vraag); answer (antwoord); question 2 (vraag 2);
//                 answer 2 (antwoord 2); zorgvraagtype (type) — the second
//                 question and answer may be empty or absent
// Questions are written HV01..HV19 (or 1..19), answers 0-4, zorgvraagtypes
// ZT01..ZT21 (or 1..21). Rows for answer 9 ("not known") are skipped with a
// warning: an unknown answer contributes nothing in this model format.
//
// The result is complete or an error: every zorgvraagtype with coefficients
// needs a constant and, for every question the table uses, a coefficient for
// each answer 0-4. Superclusters follow the numbering (1-8 X, 10-17 Y,
// 18-21 Z); the conflict rules and thresholds are clusterpilot's defaults.
#ifndef CLUSTERPILOT_CLASSIFIER_IO_NZA_CODE_LIST_IMPORTER_H_
#define CLUSTERPILOT_CLASSIFIER_IO_NZA_CODE_LIST_IMPORTER_H_

#include <string>
#include <vector>

#include "classifier/cluster_model.h"
#include "core/error.h"

namespace clusterpilot {

struct CsvText {
  std::string file_name;  // for errors and the model's description
  std::string content;
};

struct NzaCodeLists {
  CsvText coefficients;
  CsvText constants;
  CsvText red_rules;
};

struct NzaImport {
  ClusterModel model;
  std::vector<std::string> warnings;  // e.g. skipped answer-9 rows, with file and line
};

// Builds and compiles the model named `name`, `version`. Pure: the caller
// reads the files.
Result<NzaImport> ImportNzaCodeLists(const NzaCodeLists& tables, const std::string& name,
                                     const std::string& version);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CLASSIFIER_IO_NZA_CODE_LIST_IMPORTER_H_
