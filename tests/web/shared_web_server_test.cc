#include "tests/web/shared_web_server_test.h"

namespace clusterpilot {

WebTestEnvironment* SharedWebServerTest::environment_ = nullptr;

}  // namespace clusterpilot
