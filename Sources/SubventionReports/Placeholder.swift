enum SubventionReportsPlaceholder {}
