// Replaced as the classifier stage is built.
