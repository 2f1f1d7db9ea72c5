/**
 * The participant import: CSV/XLSX read within limits, row rules, preview, background import and its record.
 */
package ar.aulas.imports;
