// Text measuring and number formatting shared by the report's SVG charts:
// the bar charts, the trend lines and the transitions flow chart all place
// labels by the same estimate of their width, so none of them clips a label
// another would fit.
#ifndef CLUSTERPILOT_REPORTS_SVG_TEXT_H_
#define CLUSTERPILOT_REPORTS_SVG_TEXT_H_

#include <string>

namespace clusterpilot {

// A coordinate as SVG wants it: one decimal, a point, no thousands separator.
std::string SvgNumber(double value);

// Width of `text` (UTF-8) in px at `font_size`. Helvetica averages about
// 0.55 em per character; the estimate is generous so labels are never cut.
double SvgTextWidth(const std::string& text, double font_size);

// `text` shortened with an ellipsis to fit `width` px at `font_size`,
// never splitting a UTF-8 character.
std::string SvgFitText(const std::string& text, double width, double font_size);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_REPORTS_SVG_TEXT_H_
