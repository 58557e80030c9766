// Department names as people type them: "psychosomatiek" and
// "Psychosomatiek", "Ouderen Zorg" and "ouderen zorg", "Geriatrie" and
// "Gériatrie" name the same department.
#ifndef CLUSTERPILOT_CORE_DEPARTMENT_NAME_H_
#define CLUSTERPILOT_CORE_DEPARTMENT_NAME_H_

#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace clusterpilot {

// `name` without what does not tell departments apart: surrounding spaces,
// case, and accents on Latin letters (U+00C0-U+00FF; ß becomes ss, æ ae).
// Other characters stay as they are.
std::string FoldedDepartmentName(std::string_view name);

// The spelling in `known` of the department `typed` names: the exact name
// when known has it, else the first whose folded name matches; nullopt
// when none does.
std::optional<std::string> MatchDepartment(std::string_view typed,
                                           const std::set<std::string>& known);

// "A, B, C" for an error message; after `limit` names, ", ...".
std::string DepartmentList(const std::set<std::string>& known, size_t limit = 12);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_CORE_DEPARTMENT_NAME_H_
