/**
 * The programme's conversation: convocatorias (announcements), a debate per encounter, a space per institution
 * team, private questions to the trainers with their FAQ, read tracking, mentions and moderation.
 */
package ar.aulas.conversation;
