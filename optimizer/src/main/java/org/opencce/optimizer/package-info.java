/**
 * Optimization models of the domain solved with OR-Tools (HiGHS, PDLP, SCIP/CP-SAT): the supply
 * portfolio, hourly carbon-free matching and DER build-out. The module arrives with the supply
 * capability; it depends on {@code domain} only, as the ArchUnit rules require.
 */
package org.opencce.optimizer;
