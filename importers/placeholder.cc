// Replaced as the importers stage is built.
