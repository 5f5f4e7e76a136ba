// Scenario tests are added with the bundled scenarios.
