enum SubventionCSVPlaceholder {}
