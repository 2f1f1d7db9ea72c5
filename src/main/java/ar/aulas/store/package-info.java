/**
 * The embedded MongoDB-compatible server (mongo-java-server) with its durable backend, secondary indexes and planner,
 * and {@link ar.aulas.store.FileChunks}, which reads stored files chunk by chunk on either store.
 */
package ar.aulas.store;
