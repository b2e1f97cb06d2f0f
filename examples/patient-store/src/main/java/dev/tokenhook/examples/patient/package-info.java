/**
 * The patient-store scenario of Okta's token inline hook guide, in plain Java: a JDBC
 * {@link dev.tokenhook.examples.patient.PatientStore} (embedded H2 by default, any JDBC database by
 * configuration) and the {@link dev.tokenhook.examples.patient.PatientIdRule} that adds
 * {@code extPatientId} to the ID token. Every example app (Servlet, Spring Boot, Micronaut) reuses it.
 */
package dev.tokenhook.examples.patient;
