/**
 * Accounts, DNI and email, passwords and one-time links, login throttling and the security configuration.
 * Others ask for people through {@link ar.aulas.accounts.AccountRegistry} and {@link ar.aulas.accounts.AulasUser}.
 */
package ar.aulas.accounts;
