import { LoginForm } from "./login-form";

export const metadata = { title: "Log in · Resonance" };

export default function LoginPage() {
  return <LoginForm />;
}
