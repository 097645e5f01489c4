/**
 * What the templates show: immutable records of ready-formatted text, built by the web handlers
 * from domain values and the user's role. A view record never holds personal information the user
 * may not see, so a template cannot leak it by mistake.
 */
package org.opencce.app.web.view;
