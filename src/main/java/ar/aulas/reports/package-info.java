/**
 * The participation dashboard, its drill-downs, exports and printable report: figures kept per course and institution,
 * computed from the other features' query methods.
 */
package ar.aulas.reports;
