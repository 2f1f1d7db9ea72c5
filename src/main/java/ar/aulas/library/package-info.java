/**
 * The programme's library, its "repositorio de información": documents (a checked file or a link) with their
 * metadata, every version kept, accent-insensitive search with filters, contributions approved by a librarian,
 * visibility to the programme, one institution or the public, and an audit of what happened to each.
 */
package ar.aulas.library;
