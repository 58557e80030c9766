// Replaced as the reports stage is built.
