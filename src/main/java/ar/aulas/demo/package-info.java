/**
 * The programme's institutions and demo accounts at start, the first administrator, and the benchmark's data generator
 * (which writes a size-L programme in bulk, around the services, the one place that does).
 */
package ar.aulas.demo;
