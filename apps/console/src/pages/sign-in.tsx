import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '@firebreak/client';
import { Alert, Button, Form, Input } from 'antd';
import { sessionHint } from '../lib/session-events';
import { useText } from '../lib/text';

interface Values {
  username: string;
  password: string;
}

/** auth.login sets the httpOnly session cookie; auth.me is then asked again. */
export function SignInForm({ onSignedIn }: { onSignedIn?: () => void }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const { tx, errorText } = useText();
  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: async () => {
        sessionHint.set(true);
        onSignedIn?.();
        await qc.invalidateQueries({ queryKey: trpc.auth.me.queryKey() });
      },
    }),
  );
  return (
    <Form<Values> layout="vertical" requiredMark={false} onFinish={(v) => login.mutate(v)} data-testid="sign-in-form">
      <Form.Item label={tx('用户名', 'Username')} name="username" rules={[{ required: true, message: tx('请输入用户名', 'Enter your username') }]}>
        <Input autoComplete="username" size="large" />
      </Form.Item>
      <Form.Item label={tx('密码', 'Password')} name="password" rules={[{ required: true, message: tx('请输入密码', 'Enter your password') }]}>
        <Input.Password autoComplete="current-password" size="large" />
      </Form.Item>
      {login.isError ? <Alert type="error" showIcon title={errorText(login.error)} style={{ marginBottom: 16 }} role="alert" /> : null}
      <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
        {tx('登录', 'Sign in')}
      </Button>
    </Form>
  );
}
