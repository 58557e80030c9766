// Puts measurements straight into a store through the store's own
// MeasurementWriter (what an import uses), for tests of the stages
// after import (classify, assignments, override) that must not depend on an
// importer. Each call makes one import batch.
#ifndef CLUSTERPILOT_TESTS_SUPPORT_MEASUREMENT_SEED_H_
#define CLUSTERPILOT_TESTS_SUPPORT_MEASUREMENT_SEED_H_

#include <string>
#include <vector>

#include "core/measurement.h"

namespace clusterpilot {

class Store;

// Inserts the measurements (ids are assigned by the store and written back)
// and fails the current test on any database error.
void SeedMeasurements(Store& store, std::vector<Measurement>* measurements);

// Opens or creates the store at `path` and seeds it.
void SeedMeasurementsAt(const std::string& path, std::vector<Measurement>* measurements);

// A measurement with every item rated 0 except those given as
// {item number (1-19), rating}.
Measurement MakeMeasurement(const std::string& patient, const std::string& department,
                            const std::string& date, Supercluster supercluster,
                            std::initializer_list<std::pair<int, int>> ratings);

}  // namespace clusterpilot

#endif  // CLUSTERPILOT_TESTS_SUPPORT_MEASUREMENT_SEED_H_
