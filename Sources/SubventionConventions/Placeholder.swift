enum SubventionConventionsPlaceholder {}
