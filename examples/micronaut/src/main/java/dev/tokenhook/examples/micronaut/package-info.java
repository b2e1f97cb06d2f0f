/**
 * The patient-store scenario as a Micronaut application: {@link dev.tokenhook.examples.micronaut.Application}
 * starts it; {@link dev.tokenhook.examples.micronaut.PatientBeans} contributes the store and its claim
 * rule as beans, which hook-micronaut picks up. Nothing else is wired by hand.
 */
package dev.tokenhook.examples.micronaut;
