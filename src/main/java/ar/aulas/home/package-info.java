/**
 * Each role's home page: what is next, gathered from every feature's {@link ar.aulas.shared.HomeItems}.
 */
package ar.aulas.home;
