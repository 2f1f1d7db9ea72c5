/**
 * Certificate rules and eligibility, PDF/A rendering and signing, issuing (one, bulk), revocation, reissue and public
 * verification. A participant's standing ({@link ar.aulas.certificates.Standings}) is read through the other features' query methods.
 */
package ar.aulas.certificates;
