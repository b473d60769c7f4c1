/**
 * Several machines as one playground: web nodes ({@code ROLE=web}) serve the site and place runs on
 * executors ({@code ROLE=executor}) over Vert.x's clustered event bus, with Hazelcast finding the
 * members. {@link dev.polyglot.playground.cluster.Bus} is the protocol between them; the default
 * {@code ROLE=all} uses none of this.
 */
package dev.polyglot.playground.cluster;
