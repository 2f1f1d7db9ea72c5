/**
 * In-app notifications: the bell with its count and the list behind it. Any feature tells a person something
 * (a reply, a mention, an announcement, a grade) through {@link ar.aulas.notifications.Notifications}.
 */
package ar.aulas.notifications;
