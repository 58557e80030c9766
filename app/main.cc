// The clusterpilot command: a thin layer over the libraries the tests link.
#include <iostream>

#include "app/command_table.h"

int main(int argc, char** argv) {
  return clusterpilot::RunCommandLine(argc, argv, std::cout, std::cerr);
}
