/**
 * JMH benchmarks of the core pipeline (decode, rules, validate, encode, through
 * {@link dev.tokenhook.core.http.TokenHookEndpoint#handle}) against a plain Jackson floor on the same
 * bytes. Run by hand: see {@code benchmarks/README.md}.
 */
package dev.tokenhook.benchmarks;
