-- Sign-in lockout per source IP (issue #7): failures of one IP within the window, whatever the email.
CREATE INDEX "sign_in_attempt_ip_address_created_at_idx" ON "sign_in_attempt"("ip_address", "created_at");
