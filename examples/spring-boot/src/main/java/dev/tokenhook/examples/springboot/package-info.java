/**
 * The patient-store token hook as a Spring Boot application: {@link
 * dev.tokenhook.examples.springboot.PatientHookApplication}.
 */
package dev.tokenhook.examples.springboot;
