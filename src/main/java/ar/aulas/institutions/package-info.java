/**
 * The programme's institutions (ministries, municipalities, communes) and their administration.
 */
package ar.aulas.institutions;
