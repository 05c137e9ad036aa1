"""Channel formats: counting, sanitizing and converting text for email, SMS, Slack, push."""
